import { EditModel } from '../../_components/edit-model';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `Edit ${decodeURIComponent(id)} — Sawtooth` };
}

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditModel id={decodeURIComponent(id)} />;
}
