'use client';
// Register a flow, or change its name and allowed origins (admins). The key cannot change: it is
// in the embed snippets already pasted into other tools.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextAreaField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { describeError, useTRPC } from '@/app/_trpc/client';

export function FlowForm({ flow, onDone }: { flow?: { id: string; key: string; name: string; allowedOrigins: string[] }; onDone?: (key: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [key, setKey] = useState(flow?.key ?? '');
  const [name, setName] = useState(flow?.name ?? '');
  const [origins, setOrigins] = useState((flow?.allowedOrigins ?? []).join('\n'));
  const options = {
    onSuccess: async (result: { key: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.ratings.pathKey() });
      toast(flow ? 'Flow saved' : 'Flow registered');
      if (!flow) {
        setKey('');
        setName('');
        setOrigins('');
      }
      onDone?.(result.key);
    },
  };
  const create = useMutation(trpc.ratings.createFlow.mutationOptions(options));
  const update = useMutation(trpc.ratings.updateFlow.mutationOptions(options));
  const mutation = flow ? update : create;
  const error = mutation.error ? describeError(mutation.error) : null;
  const originError = Object.entries(error?.fieldErrors ?? {}).find(([path]) => path.startsWith('allowedOrigins'))?.[1][0];

  function submit(event: FormEvent) {
    event.preventDefault();
    const allowedOrigins = origins.split(/[\n,]/).map((origin) => origin.trim()).filter(Boolean);
    if (flow) update.mutate({ id: flow.id, name, allowedOrigins });
    else create.mutate({ key, name, allowedOrigins });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={flow ? 'Flow settings' : 'Register a flow'} className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormError message={error?.message} fieldErrors={error?.fieldErrors} />
      </div>
      {!flow && (
        <TextField label="Key" hint="Lowercase, like create-service. The widget's data-flow names it." value={key} onChange={(e) => setKey(e.target.value)} error={error?.fieldErrors.key} />
      )}
      <TextField label="Name" hint="What developers were doing, like “Create a new service”." value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldErrors.name} />
      <TextAreaField
        className="sm:col-span-2"
        label="Pages allowed to show the widget"
        hint="One origin per line, like https://backstage.example.com. Ratings from other web pages are refused; command-line tools and CI jobs need no origin."
        rows={3}
        value={origins}
        onChange={(e) => setOrigins(e.target.value)}
        error={originError}
      />
      <div>
        <Button type="submit" isBusy={mutation.isPending}>
          {flow ? 'Save settings' : 'Register flow'}
        </Button>
      </div>
    </form>
  );
}
