'use client';
// The command palette: Ctrl+K (⌘K on a Mac) opens it anywhere in the workspace; `/` outside a text
// field puts the cursor in the page's own search box, or opens the palette where a page has none.
// It is a modal dialog holding an ARIA combobox and its listbox: type to filter, arrow keys to
// move, Enter to go, Escape to close (focus returns to where it was). It jumps to any page of the
// navigation, to themes, developers, interviews and tickets by name or key (`search.jump`), runs
// the common actions (new interview, start shadowing, import) and hands the words to full search.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_JUMP } from '@/server/search/search-text';
import { useTRPC } from '@/app/_trpc/client';
import { Dialog } from './dialog';
import { controlClass } from './field';
import { NAV_GROUPS } from './nav-items';
import { useCanEdit, useSession } from './session-context';

interface Command {
  key: string;
  group: string;
  label: string;
  detail?: string | null;
  path: string;
}

const JUMP_GROUPS = { theme: 'Pain theme', developer: 'Developer', interview: 'Interview', ticket: 'Ticket' } as const;

const ACTIONS: (Command & { isEditorOnly: boolean })[] = [
  { key: 'action:interview', group: 'Action', label: 'New interview', path: '/interviews?new=1', isEditorOnly: true },
  { key: 'action:shadowing', group: 'Action', label: 'Start shadowing', path: '/shadowing?new=1', isEditorOnly: true },
  { key: 'action:import', group: 'Action', label: 'Import tickets or post-mortems', path: '/imports', isEditorOnly: true },
  { key: 'action:survey-import', group: 'Action', label: 'Import a past survey', path: '/surveys/import', isEditorOnly: true },
  { key: 'action:inbox', group: 'Action', label: 'Tag untagged evidence', path: '/evidence/inbox', isEditorOnly: true },
];

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Every word typed appears in the label (or its group), in any order. */
const fits = (command: Command, words: string[]) => {
  const haystack = `${command.label} ${command.group}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
};

export function CommandPalette() {
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((open) => !open);
      } else if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        const pageSearch = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (pageSearch) pageSearch.focus();
        else setOpen(true);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <Dialog title="Go to or do" isOpen={isOpen} onClose={() => setOpen(false)}>
      {isOpen && <Palette onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function Palette({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const session = useSession();
  const canEdit = useCanEdit();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState('');
  const [active, setActive] = useState(0);

  // The names and keys are asked for after a short pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => setAsked(typed.trim().slice(0, MAX_JUMP)), 150);
    return () => clearTimeout(timer);
  }, [typed]);
  const jump = useQuery({ ...trpc.search.jump.queryOptions({ text: asked }), enabled: asked.length >= 2, placeholderData: keepPreviousData });

  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const pages: Command[] = NAV_GROUPS.flatMap((group) =>
    group.items.filter((item) => !item.roles || item.roles.includes(session.role)).map((item) => ({ key: `page:${item.href}`, group: 'Page', label: item.label, path: item.href })),
  );
  const actions = ACTIONS.filter((action) => canEdit || !action.isEditorOnly);
  const found: Command[] =
    asked.length >= 2 && typed.trim().length >= 2
      ? (jump.data?.targets ?? []).map((target) => ({
          key: `${target.kind}:${target.id}`,
          group: JUMP_GROUPS[target.kind],
          label: target.label,
          detail: [target.detail, target.date].filter(Boolean).join(' · ') || null,
          path: target.path,
        }))
      : [];
  const searchAll: Command[] = typed.trim() ? [{ key: 'search', group: 'Search', label: `Search everything for “${typed.trim()}”`, path: `/search?q=${encodeURIComponent(typed.trim())}` }] : [];
  const commands = [...[...actions, ...pages].filter((command) => fits(command, words)).slice(0, words.length > 0 ? 8 : 30), ...found, ...searchAll];
  const activeIndex = Math.min(active, commands.length - 1);
  const optionId = (index: number) => `${id}-option-${index}`;

  // The cursor goes to the box once the dialog has opened (opening focuses its first button).
  useEffect(() => {
    const timer = setTimeout(() => inputRef.current?.focus());
    return () => clearTimeout(timer);
  }, []);
  const activeOptionId = optionId(activeIndex);
  useEffect(() => {
    document.getElementById(activeOptionId)?.scrollIntoView({ block: 'nearest' });
  }, [activeOptionId]);

  function go(index: number) {
    const command = commands[index];
    if (!command) return;
    onDone();
    router.push(command.path);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + commands.length) % Math.max(commands.length, 1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : commands.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(activeIndex);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <label htmlFor={`${id}-input`} className="text-sm text-slate-700">
        A page, a theme, a developer, an interview, a ticket key, or an action
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={commands.length > 0 ? optionId(activeIndex) : undefined}
        aria-describedby={`${id}-keys`}
        autoComplete="off"
        className={`${controlClass} text-base`}
        placeholder="e.g. inventory, Mei, OPS-412, new interview"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-keys`} className="text-xs text-slate-600">
        ↑ ↓ to move, Enter to go, Esc to close. Ctrl+K (⌘K) opens this from any page.
      </p>
      <ul id={`${id}-listbox`} role="listbox" aria-label="Places and actions" className="max-h-[50vh] overflow-y-auto rounded-md border border-slate-200 py-1">
        {commands.length === 0 ? (
          <li role="presentation" className="px-3 py-2 text-sm text-slate-600">
            {jump.isFetching ? 'Looking…' : 'Nothing by that name. Try fewer letters.'}
          </li>
        ) : (
          commands.map((command, index) => (
            <li
              key={command.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(index)}
              onMouseEnter={() => setActive(index)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm ${index === activeIndex ? 'bg-brand-50 text-brand-800' : 'text-slate-800'}`}
            >
              <span className="min-w-0 truncate">
                {command.label}
                {command.detail && <span className="ml-2 text-xs text-slate-600">{command.detail}</span>}
              </span>
              <span className="shrink-0 text-xs text-slate-600">{command.group}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
