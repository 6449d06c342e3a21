// The public board as one HTML document: lanes, developers' open requests (sorted, searched,
// paged, each votable by a plain form), declined requests with their public reason, and the
// shipped changelog. No React payload: the page is rendered once per version of its data (see
// service-board-rest.ts) and every vote works without JavaScript; a few lines of script only mark which
// cards this visitor voted for, fetched separately so the cached HTML is the same for everyone.
// Pure: text in, escaped HTML out.
import type { PublicCard } from './public-board';
import type { BoardPageData, BoardQuery, Notice } from './service-board-page';
import { quarterLabel } from './rules';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = (date: Date) => DAY.format(date);
const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

const LANE_INTROS: Record<string, string> = {
  in_progress: 'Being built now.',
  planned: 'Decided, next up.',
  requested: 'Asked for by developers; not prioritized yet. Your votes help.',
};

const NOTICE_TEXT: Record<Notice, { text: string; isError: boolean }> = {
  voted: { text: 'Your vote is in.', isError: false },
  unvoted: { text: 'Your vote was removed.', isError: false },
  'already-voted': { text: 'You have already voted for this: a vote counts once.', isError: true },
  'not-votable': { text: 'That is decided or gone, so it takes no votes any more.', isError: true },
  'no-vote': { text: 'There is no vote of yours on this to undo.', isError: true },
  'too-many': { text: 'Too many votes from here just now. Try again in a few minutes.', isError: true },
  failed: { text: 'The vote could not be recorded. Try again.', isError: true },
};

/** The board's address for a query, keeping only what differs from the defaults. */
export function boardHref(query: Partial<BoardQuery>, hash = ''): string {
  const params = new URLSearchParams();
  if (query.requests && query.requests !== 'open') params.set('requests', query.requests);
  if (query.board) params.set('board', query.board);
  if (query.sort && query.sort !== 'votes') params.set('sort', query.sort);
  if (query.q) params.set('q', query.q);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return `/roadmap${search ? `?${search}` : ''}${hash}`;
}

function voteForm(target: { kind: 'item' | 'request'; id: string; title: string; votes: number }): string {
  const count = `<span class="n">${plural(target.votes, 'vote')}</span>`;
  return `<form class="v" method="post" action="/roadmap/vote" data-vote="${target.kind}:${target.id}"><input type="hidden" name="target" value="${target.kind}:${target.id}"><button name="do" value="vote" aria-pressed="false"><span aria-hidden="true">▲</span> <span class="l">Vote</span><span class="sr"> for ${escapeHtml(target.title)}</span></button>${count}</form>`;
}

function itemCard(card: PublicCard): string {
  const why =
    card.themes.length > 0
      ? `<p class="why">Why</p><ul class="wl">${card.themes
          .map((theme) => `<li>“${escapeHtml(theme.title)}” <span>— affects ${plural(theme.affectedDevelopers, 'developer')}</span></li>`)
          .join('')}</ul>`
      : '';
  const votes = card.isVotable
    ? voteForm({ kind: 'item', id: card.id, title: card.title, votes: card.votes })
    : `<p class="v"><span class="n">${plural(card.votes, 'vote')}</span></p>`;
  return `<li class="c" id="i-${card.id}"><h3><a href="/roadmap/items/${card.id}">${escapeHtml(card.title)}</a></h3>${
    card.targetQuarter ? `<p class="m">Aiming for ${quarterLabel(card.targetQuarter)}</p>` : ''
  }${why}${votes}</li>`;
}

function requestsPanel(data: BoardPageData, query: BoardQuery): string {
  const { requests } = data;
  const isDeclined = requests.status === 'declined';
  const where = data.selectedBoard ? ` in ${escapeHtml(data.selectedBoard.name)}` : '';
  const heading = isDeclined ? `Declined requests${where} (${requests.total})` : `Open requests from developers${where} (${requests.total})`;
  const sortLink = (sort: BoardQuery['sort'], label: string) =>
    query.sort === sort
      ? `<a aria-current="true" href="${escapeHtml(boardHref({ ...query, sort, page: 1 }, '#requests'))}">${label}</a>`
      : `<a href="${escapeHtml(boardHref({ ...query, sort, page: 1 }, '#requests'))}">${label}</a>`;
  const boards =
    data.boards.length > 0
      ? `<nav class="bd" aria-label="Boards"><a href="${escapeHtml(boardHref({ ...query, board: '', page: 1 }, '#requests'))}"${
          query.board ? '' : ' aria-current="true"'
        }>All boards</a>${data.boards
          .map(
            (board) =>
              `<a href="${escapeHtml(boardHref({ ...query, board: board.slug, page: 1 }, '#requests'))}"${query.board === board.slug ? ' aria-current="true"' : ''}>${escapeHtml(
                board.name,
              )}${isDeclined ? '' : ` (${board.openRequests})`}</a>`,
          )
          .join('')}</nav>`
      : '';
  const search = `<form class="s" role="search" method="get" action="/roadmap#requests">${
    isDeclined ? '<input type="hidden" name="requests" value="declined">' : ''
  }${query.board ? `<input type="hidden" name="board" value="${escapeHtml(query.board)}">` : ''}${query.sort !== 'votes' ? `<input type="hidden" name="sort" value="${query.sort}">` : ''}<label for="q">Search requests</label><span><input id="q" name="q" type="search" maxlength="100" value="${escapeHtml(
    query.q,
  )}"><button>Search</button></span></form>`;
  const rows = requests.rows
    .map((row) => {
      const link = `<h4><a href="/roadmap/requests/${row.id}">${escapeHtml(row.title)}</a></h4><p class="m">Asked ${day(row.createdAt)}${
        row.board ? ` · ${escapeHtml(row.board)}` : ''
      }</p>`;
      if (isDeclined) {
        return `<li class="c r">${link}<p class="dr"><span>Declined:</span> ${escapeHtml(row.declineReason ?? '')}</p><p class="v"><span class="n">${plural(row.votes, 'vote')}</span></p></li>`;
      }
      return `<li class="c r" id="r-${row.id}">${link}${voteForm({ kind: 'request', id: row.id, title: row.title, votes: row.votes })}</li>`;
    })
    .join('');
  const empty = query.q
    ? `<p class="e">No ${isDeclined ? 'declined' : 'open'} request${where} matches “${escapeHtml(query.q)}”.</p>`
    : data.board
      ? `<p class="e">No ${isDeclined ? 'declined' : 'open'} request${where} yet.</p>`
    : isDeclined
      ? '<p class="e">No request has been declined.</p>'
      : '<p class="e">No open request right now. <a href="/roadmap/requests/new">Ask for something</a>.</p>';
  const pager =
    requests.pageCount > 1
      ? `<nav class="pg" aria-label="Pages of requests">${
          requests.page > 1 ? `<a rel="prev" href="${escapeHtml(boardHref({ ...query, page: requests.page - 1 }, '#requests'))}">← Previous</a>` : '<span></span>'
        }<span>Page ${requests.page} of ${requests.pageCount}</span>${
          requests.page < requests.pageCount
            ? `<a rel="next" href="${escapeHtml(boardHref({ ...query, page: requests.page + 1 }, '#requests'))}">Next →</a>`
            : '<span></span>'
        }</nav>`
      : '';
  const other = isDeclined
    ? `<p class="o"><a href="${boardHref({}, '#requests')}">Open requests (${data.openCount})</a></p>`
    : `<p class="o"><a href="${boardHref({ requests: 'declined' }, '#requests')}">Declined requests, with the team’s reasons (${data.declinedCount})</a></p>`;
  return `<section id="requests" aria-labelledby="requests-h" class="rq"><h3 id="requests-h">${heading}</h3>${
    isDeclined ? '' : `<p class="srt">Sort: ${sortLink('votes', 'Most votes')} · ${sortLink('newest', 'Newest')}</p>`
  }${boards}${search}${rows ? `<ol>${rows}</ol>` : empty}${pager}${other}</section>`;
}

function notice(query: BoardQuery): string {
  if (!query.notice) return '';
  const { text, isError } = NOTICE_TEXT[query.notice];
  return `<p class="nt${isError ? ' er' : ''}" role="${isError ? 'alert' : 'status'}">${text}</p>`;
}

/** The whole page. `css` is inlined so one response paints the board. */
export function renderBoardHtml(data: BoardPageData, query: BoardQuery): string {
  const { board } = data;
  const lanes = board.lanes
    .map((lane) => {
      const cards = lane.items.length > 0 ? `<ol>${lane.items.map(itemCard).join('')}</ol>` : lane.lane === 'requested' ? '' : '<p class="e">Nothing here right now.</p>';
      const count = lane.lane === 'requested' ? lane.items.length + data.openCount : lane.items.length;
      return `<section aria-labelledby="lane-${lane.lane}"><h2 id="lane-${lane.lane}">${escapeHtml(lane.label)} <span>(${count})</span></h2><p class="li">${
        LANE_INTROS[lane.lane] ?? ''
      }</p>${cards}${lane.lane === 'requested' ? requestsPanel(data, query) : ''}</section>`;
    })
    .join('');
  const shipped =
    board.shipped.length === 0
      ? '<p class="e">Nothing shipped yet. Items land here, by quarter, when they are done.</p>'
      : board.shipped
          .map(
            (quarter) =>
              `<h3>${escapeHtml(quarter.label)} <span>(${plural(quarter.items.length, 'item')})</span></h3><ul class="sh">${quarter.items
                .map((item) => {
                  const theme = item.themes[0];
                  const why = theme
                    ? `<p>Answers “${escapeHtml(theme.title)}” (${plural(theme.affectedDevelopers, 'developer')})${
                        item.themes.length > 1 ? ` and ${plural(item.themes.length - 1, 'more pain')}` : ''
                      }</p>`
                    : '';
                  return `<li><a href="/roadmap/items/${item.id}">${escapeHtml(item.title)}</a>${why}</li>`;
                })
                .join('')}</ul>`,
          )
          .join('');
  const title = query.requests === 'declined' ? 'Declined requests · Platform roadmap' : 'Platform roadmap';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><meta name="description" content="What the platform team is working on, what is planned, what developers asked for, and what shipped."><link rel="canonical" href="/roadmap"><link rel="alternate" type="application/atom+xml" title="Platform roadmap changes" href="/roadmap/feed.xml"><style>${BOARD_CSS}</style></head><body><a class="skip" href="#main">Skip to content</a><header class="top"><div><a class="brand" href="/roadmap">Platform roadmap</a><nav aria-label="Roadmap"><ul><li><a href="/roadmap">Roadmap</a></li><li><a href="/roadmap/requests/new">Ask for something</a></li><li><a href="/roadmap/feed.xml">Follow changes (Atom)</a></li></ul></nav></div></header><main id="main"><div class="hd"><div><h1>Platform roadmap</h1><p>What the platform team is building, what is planned and what developers asked for. Each item says which developer pain it answers, and how many developers have that pain.</p><p class="m">${
    board.updatedAt ? `Last updated ${day(board.updatedAt)}` : 'Not published yet'
  }</p></div><a class="btn" href="/roadmap/requests/new">Ask for something</a></div>${notice(query)}<div class="lanes">${lanes}</div><section aria-labelledby="shipped" class="shp"><h2 id="shipped">Shipped</h2>${shipped}</section></main><footer><p>Published by the platform team with Frictionlog. Votes are anonymous; an email you give is never shown.</p></footer><script>${VOTED_SCRIPT}</script></body></html>`;
}

/** Marks the cards this visitor voted for (their votes are not in the shared HTML) and turns those buttons into Undo. */
const VOTED_SCRIPT = `(function(){var f=document.querySelectorAll('form[data-vote]'),i=[],r=[];f.forEach(function(e){var t=e.dataset.vote.split(':');(t[0]==='item'?i:r).push(t[1])});if(!f.length)return;fetch('/roadmap/my-votes?items='+i.join(',')+'&requests='+r.join(','),{credentials:'same-origin'}).then(function(x){return x.ok?x.json():null}).then(function(m){if(!m)return;var s=new Set(m.itemIds.map(function(x){return'item:'+x}).concat(m.requestIds.map(function(x){return'request:'+x})));f.forEach(function(e){if(!s.has(e.dataset.vote))return;var b=e.querySelector('button');b.value='unvote';b.setAttribute('aria-pressed','true');b.querySelector('.l').textContent='Voted — undo'})})})();`;

/** The page's styles: the public roadmap's look (app/(roadmap)/public.css) in plain CSS, small enough to inline. */
const BOARD_CSS = `*{box-sizing:border-box}body{margin:0;font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}a{color:inherit}h1,h2,h3,h4,p,ol,ul{margin:0;padding:0}ol,ul{list-style:none}:focus-visible{outline:2px solid #4338ca;outline-offset:2px}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap}.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px 12px;border-radius:6px;z-index:9}.top{background:#fff;border-bottom:1px solid #e2e8f0}.top>div,main,footer p{max-width:72rem;margin:0 auto;padding:12px 16px}.top>div{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px 24px}.brand{font-size:1.125rem;font-weight:600;text-decoration:none}.top ul{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.875rem}.top nav a{color:#334155;text-decoration:none}.top nav a:hover{text-decoration:underline}main{padding-top:24px;padding-bottom:32px}.hd{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:flex-end;gap:16px;margin-bottom:24px}.hd>div{max-width:48rem}h1{font-size:1.5rem;font-weight:600;letter-spacing:-.02em}.hd p{margin-top:4px;color:#475569}.btn{display:inline-block;background:#4338ca;color:#fff;border-radius:6px;padding:8px 14px;font-weight:500;font-size:.875rem;text-decoration:none}.btn:hover{background:#3730a3}.lanes{display:grid;gap:24px}@media(min-width:768px){.lanes{grid-template-columns:repeat(3,minmax(0,1fr))}}section{min-width:0}h2{font-size:1.125rem;font-weight:600}h2 span,h3 span{font-size:.875rem;font-weight:400;color:#475569}.li{margin-bottom:12px;font-size:.875rem;color:#475569}.lanes ol{display:flex;flex-direction:column;gap:12px}.c{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px;box-shadow:0 1px 2px rgba(0,0,0,.05)}.c h3,.c h4{font-size:1rem;font-weight:600}.c h3 a,.c h4 a{text-decoration:none}.c h3 a:hover,.c h4 a:hover,.sh a:hover{text-decoration:underline}.m{margin-top:2px;font-size:.75rem;color:#475569}.why{margin-top:8px;font-size:.75rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase;color:#475569}.wl{margin-top:4px;display:flex;flex-direction:column;gap:4px;font-size:.875rem;color:#334155}.wl span{color:#475569}.v{margin-top:12px;display:flex;flex-wrap:wrap;align-items:center;gap:8px;font-size:.875rem;color:#334155}.v button,.s button{display:inline-flex;align-items:center;gap:6px;border:1px solid #cbd5e1;background:#fff;border-radius:6px;padding:4px 10px;font:inherit;font-size:.875rem;font-weight:500;color:#1e293b;cursor:pointer}.v button:hover,.s button:hover{background:#f8fafc}.v button[aria-pressed=true]{background:#4338ca;border-color:#4338ca;color:#fff}.rq{margin-top:20px}.rq>h3{font-size:1rem;font-weight:600}.srt{margin:4px 0 8px;font-size:.875rem;color:#475569}.srt a{color:#3730a3}.srt a[aria-current]{font-weight:600;color:#0f172a;text-decoration:none}.bd{display:flex;flex-wrap:wrap;gap:6px;margin-bottom:10px;font-size:.8125rem}.bd a{border:1px solid #cbd5e1;border-radius:999px;padding:2px 10px;text-decoration:none;color:#334155;background:#fff}.bd a[aria-current]{background:#4338ca;border-color:#4338ca;color:#fff}.s{margin-bottom:12px;font-size:.875rem}.s label{display:block;font-weight:500;margin-bottom:4px}.s span{display:flex;gap:6px}.s input{flex:1;min-width:0;border:1px solid #94a3b8;border-radius:6px;padding:4px 8px;font:inherit}.e{border:1px dashed #cbd5e1;border-radius:8px;padding:20px 16px;text-align:center;font-size:.875rem;color:#475569}.e a,.o a,.pg a{color:#3730a3}.dr{margin-top:8px;font-size:.875rem;color:#334155;border-left:4px solid #cbd5e1;padding-left:8px;overflow-wrap:anywhere}.dr span{font-weight:600}.pg{display:flex;justify-content:space-between;gap:8px;margin-top:12px;font-size:.875rem}.o{margin-top:12px;font-size:.875rem}.nt{position:sticky;top:0;z-index:5;margin-bottom:16px;border:1px solid #bbf7d0;background:#f0fdf4;color:#14532d;border-radius:8px;padding:10px 14px;font-size:.875rem}.nt.er{border-color:#fecaca;background:#fef2f2;color:#7f1d1d}.shp{margin-top:40px}.shp h3{margin-top:16px;font-size:1rem;font-weight:600;color:#1e293b}.sh{margin-top:8px;background:#fff;border:1px solid #e2e8f0;border-radius:8px}.sh li{padding:12px 16px;border-top:1px solid #f1f5f9}.sh li:first-child{border-top:0}.sh a{font-weight:500;text-decoration:none}.sh p{margin-top:2px;font-size:.875rem;color:#475569}footer{background:#fff;border-top:1px solid #e2e8f0}footer p{font-size:.75rem;color:#475569}@media print{.v button,.s,.srt,.pg,nav,.btn,script{display:none}}`;
