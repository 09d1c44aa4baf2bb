import { Suspense } from 'react';
import { ModelView } from '../../_components/model-view';
import { Loading } from '../../_components/states';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `${decodeURIComponent(id)} — Sawtooth` };
}

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense fallback={<Loading what="model" />}>
      <ModelView id={decodeURIComponent(id)} />
    </Suspense>
  );
}
