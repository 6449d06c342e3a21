'use client';
// Interview guides: the default discovery guide (fixed, the five questions that find friction)
// and guides editors make for follow-ups, with questions added, removed and reordered.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { FormError, TextField } from '@/app/_components/field';
import { Badge, PageHeader, Panel } from '@/app/_components/page-header';
import { useCanEdit } from '@/app/_components/session-context';
import { ErrorState, LoadingState } from '@/app/_components/states';
import { useToast } from '@/app/_components/toast';
import { useFormMutation } from '@/app/_components/use-form-mutation';
import { describeError, useTRPC, useTRPCClient } from '@/app/_trpc/client';
import { useConfirm } from '@/app/_components/confirm-dialog';

interface GuideDraft {
  id?: string;
  title: string;
  questions: string[];
}

export function GuidesView() {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const guides = useQuery(trpc.interviews.guides.list.queryOptions());
  const [editing, setEditing] = useState<GuideDraft | null>(null);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/interviews" className="hover:underline">
            Interviews
          </Link>
        }
        title="Interview guides"
        description="The questions an interview follows. The discovery guide asks what the article behind Frictionlog recommends; make other guides for follow-ups."
        actions={canEdit && !editing && <Button onClick={() => setEditing({ title: '', questions: [''] })}>New guide</Button>}
      />
      {editing && (
        <div className="mb-6">
          <Panel title={editing.id ? `Edit “${editing.title}”` : 'New guide'}>
            <GuideForm key={editing.id ?? 'new'} initial={editing} onDone={() => setEditing(null)} />
          </Panel>
        </div>
      )}
      {guides.isPending ? (
        <LoadingState label="Loading guides…" />
      ) : guides.isError ? (
        <ErrorState message={describeError(guides.error).message} onRetry={() => guides.refetch()} />
      ) : (
        <div className="flex flex-col gap-4">
          {guides.data.map((guide) => (
            <Panel
              key={guide.id}
              title={guide.title}
              description={guide.isDefault ? 'The default for new interviews. It stays as it is.' : undefined}
              actions={
                <div className="flex flex-wrap gap-2">
                  {guide.isDefault && <Badge tone="brand">Default</Badge>}
                  {canEdit && (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() =>
                        setEditing(
                          guide.isDefault
                            ? { title: `${guide.title} (copy)`, questions: guide.questions.map((q) => q.prompt) }
                            : { id: guide.id, title: guide.title, questions: guide.questions.map((q) => q.prompt) },
                        )
                      }
                    >
                      {guide.isDefault ? 'Copy into a new guide' : 'Edit'}
                    </Button>
                  )}
                  {canEdit && !guide.isDefault && <DeleteGuideButton id={guide.id} title={guide.title} />}
                </div>
              }
            >
              <ol className="ml-5 list-decimal text-sm text-slate-800">
                {guide.questions.map((question) => (
                  <li key={question.position} className="py-0.5">
                    {question.prompt}
                  </li>
                ))}
              </ol>
            </Panel>
          ))}
        </div>
      )}
    </>
  );
}

function GuideForm({ initial, onDone }: { initial: GuideDraft; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const client = useTRPCClient();
  const form = useFormMutation({
    initialValues: { title: initial.title, questions: initial.questions },
    // One form for both: an id saves the guide, none creates one.
    mutation: {
      mutationFn: async ({ id, ...values }: { id?: string; title: string; questions: string[] }) => {
        await (id ? client.interviews.guides.update.mutate({ ...values, id }) : client.interviews.guides.create.mutate(values));
      },
    },
    toInput: (values) => ({ id: initial.id, title: values.title, questions: values.questions }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.interviews.guides.pathKey() });
      toast(initial.id ? 'Guide saved' : 'Guide created');
      onDone();
    },
  });
  const { questions } = form.values;
  const error = form.error;
  const setQuestions = (next: string[]) => form.set('questions', next);

  const move = (index: number, by: number) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    setQuestions(next);
  };

  return (
    <form onSubmit={form.submit} noValidate aria-label={initial.id ? 'Edit guide' : 'New guide'} className="flex flex-col gap-4">
      <FormError {...form.formError} />
      <TextField label="Title" {...form.field('title')} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">Questions, in the order they are asked</legend>
        <ol className="flex flex-col gap-2">
          {questions.map((question, index) => (
            <li key={index} className="flex flex-wrap items-center gap-2">
              <span className="w-6 text-right text-sm text-slate-600">{index + 1}.</span>
              <input
                aria-label={`Question ${index + 1}`}
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
                value={question}
                onChange={(e) => setQuestions(questions.map((q, i) => (i === index ? e.target.value : q)))}
                aria-invalid={Boolean(error?.fieldErrors[`questions.${index}`]) || undefined}
              />
              <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                <span aria-hidden>↑</span>
                <span className="sr-only">Move question {index + 1} up</span>
              </Button>
              <Button size="sm" variant="ghost" disabled={index === questions.length - 1} onClick={() => move(index, 1)}>
                <span aria-hidden>↓</span>
                <span className="sr-only">Move question {index + 1} down</span>
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setQuestions(questions.filter((_, i) => i !== index))}>
                Remove<span className="sr-only"> question {index + 1}</span>
              </Button>
              {error?.fieldErrors[`questions.${index}`] && <p className="w-full pl-8 text-sm text-red-700">{error.fieldErrors[`questions.${index}`][0]}</p>}
            </li>
          ))}
        </ol>
        {error?.fieldErrors.questions && <p className="mt-1 text-sm text-red-700">{error.fieldErrors.questions[0]}</p>}
        <Button className="mt-2" size="sm" variant="secondary" onClick={() => setQuestions([...questions, ''])}>
          Add a question
        </Button>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" isBusy={form.isPending}>
          {initial.id ? 'Save guide' : 'Create guide'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function DeleteGuideButton({ id, title }: { id: string; title: string }) {
  const confirm = useConfirm();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const remove = useMutation(
    trpc.interviews.guides.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.interviews.guides.pathKey() });
        toast('Guide deleted');
      },
      onError: (error) => toast(describeError(error).message, 'error'),
    }),
  );
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        isBusy={remove.isPending}
        onClick={() =>
          confirm.ask({
            title: `Delete the guide “${title}”?`,
            body: 'Interviews recorded with it keep their questions and answers.',
            confirmLabel: 'Delete guide',
            onConfirm: () => remove.mutate({ id }),
          })
        }
      >
        Delete
      </Button>
      {confirm.dialog}
    </>
  );
}
