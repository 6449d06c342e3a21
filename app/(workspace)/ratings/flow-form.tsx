'use client';
// Register a flow, or change its name and allowed origins (admins). The key cannot change: it is
// in the embed snippets already pasted into other tools.
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@/app/_components/button';
import { FormError, TextAreaField, TextField } from '@/app/_components/field';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { useTRPC, useTRPCClient } from '@/app/_trpc/client';

export function FlowForm({ flow, onDone }: { flow?: { id: string; key: string; name: string; allowedOrigins: string[] }; onDone?: (key: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const client = useTRPCClient();
  const form = useFormMutation({
    initialValues: { key: flow?.key ?? '', name: flow?.name ?? '', origins: (flow?.allowedOrigins ?? []).join('\n') },
    // One form for both: a flow given is saved, none is registered (its key cannot change).
    mutation: {
      mutationFn: async ({ key, ...values }: { key: string; name: string; allowedOrigins: string[] }): Promise<{ key: string }> =>
        flow ? client.ratings.updateFlow.mutate({ ...values, id: flow.id }) : client.ratings.createFlow.mutate({ ...values, key }),
    },
    toInput: (values) => ({ key: values.key, name: values.name, allowedOrigins: values.origins.split(/[\n,]/).map((origin) => origin.trim()).filter(Boolean) }),
    resetOnSuccess: !flow,
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trpc.ratings.pathKey() });
      toast(flow ? 'Flow saved' : 'Flow registered');
      onDone?.(result.key);
    },
  });
  const error = form.error;
  const originError = Object.entries(error?.fieldErrors ?? {}).find(([path]) => path.startsWith('allowedOrigins'))?.[1][0];

  return (
    <form onSubmit={form.submit} noValidate aria-label={flow ? 'Flow settings' : 'Register a flow'} className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormError {...form.formError} />
      </div>
      {!flow && (
        <TextField label="Key" hint="Lowercase, like create-service. The widget's data-flow names it." {...form.field('key')} />
      )}
      <TextField label="Name" hint="What developers were doing, like “Create a new service”." {...form.field('name')} />
      <TextAreaField
        className="sm:col-span-2"
        label="Pages allowed to show the widget"
        hint="One origin per line, like https://backstage.example.com. Ratings from other web pages are refused; command-line tools and CI jobs need no origin."
        rows={3}
        {...form.field('origins')}
        error={originError}
      />
      <div>
        <Button type="submit" isBusy={form.isPending}>
          {flow ? 'Save settings' : 'Register flow'}
        </Button>
      </div>
    </form>
  );
}
