// The input of the sessions list the shadowing page shows on first paint, read from its address:
// one function for the page's server prefetch (page.tsx) and the view (shadowing-list-view.tsx),
// so both ask for exactly the same query.
import { pageOf, type ParamReader } from '@/app/_components/url-params';

export const PAGE_SIZE = 50;

export function shadowingInputs(params: ParamReader) {
  const scenario = params.get('scenario') ?? '';
  const page = pageOf(params);
  return {
    scenario,
    isFormAsked: params.get('new') === '1',
    list: { scenario: (scenario || undefined) as 'other' | undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  };
}
