'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../_trpc/client';
import { ErrorState, Loading } from '../../_components/states';
import { ModelForm } from './model-form';

export function EditModel({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.adminModels.get.queryOptions({ id }));
  if (query.isPending) return <Loading what="model" />;
  if (query.isError) return <ErrorState error={query.error} />;
  return (
    <>
      <h1>Edit {query.data.label}</h1>
      {query.data.origin === 'config' ? (
        <p className="error-state" role="alert">This model comes from sawtooth.config.json: edit it there (the file wins at every start).</p>
      ) : (
        <ModelForm existing={query.data} />
      )}
    </>
  );
}
