import { EditModel } from '../../_components/edit-model';

export default async function EditModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditModel id={decodeURIComponent(id)} />;
}
