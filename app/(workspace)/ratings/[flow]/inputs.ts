// The input of a flow's first page of comments: one function for the page's server prefetch
// (page.tsx) and the view (flow-view.tsx), so both ask for exactly the same query.
export const COMMENTS_PAGE = 20;

export const commentsInput = (key: string, offset = 0) => ({ key, limit: COMMENTS_PAGE, offset });
