// The HTTP side of uploads: POST /api/imports for the Imports page (session cookie, editors,
// progress streamed back as JSON lines) and POST /api/v1/imports (API token, the report as JSON).
// The import itself is service-upload.ts, which never sees the request.
import { requireRole } from '@/server/auth/require-role';
import { databaseProblemOf } from '@/server/database-errors';
import { getDb, type Db } from '@/server/db';
import { AppError, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from '@/server/errors';
import { sessionUserOf } from '@/server/http-context';
import { json, restHandler, type RestContext } from '@/server/rest';
import { refuseCrossSite } from '@/server/request-guards';
import type { ImportReport } from './report';
import { MAX_UPLOAD_BYTES } from './rules';
import { importUpload, tooLarge, UPLOAD_FIELDS, type ImportProgress, type Upload } from './service-upload';

/** The upload a request carries: its body, declared size and any fields in its query string. */
export function uploadOf(req: Request): Upload {
  const url = new URL(req.url);
  const queryFields: Record<string, string> = {};
  for (const key of UPLOAD_FIELDS) {
    const value = url.searchParams.get(key);
    if (value !== null) queryFields[key] = value;
  }
  return { contentType: req.headers.get('content-type'), declaredBytes: Number(req.headers.get('content-length')), queryFields, body: req.body };
}

/** Imports the upload a request carries (tests call this with a built request). */
export function importFromRequest(
  db: Db,
  req: Request,
  input: { createdBy: string | null; via: 'page' | 'api'; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportReport> {
  return importUpload(db, uploadOf(req), input);
}

/** POST /api/v1/imports: the report as JSON (400 with the report when nothing was imported). */
export async function importForApi(ctx: RestContext): Promise<Response> {
  const report = await importFromRequest(ctx.db, ctx.req, { createdBy: null, via: 'api' });
  if (report.status === 'failed') throw new AppError('BAD_REQUEST', report.message, { details: { report } });
  return json(report);
}

export const postImportApiRoute = restHandler({ auth: 'token' }, importForApi);

function errorLine(failure: unknown) {
  const error = databaseProblemOf(failure) ?? failure;
  if (error instanceof AppError) return { type: 'error', status: HTTP_STATUS[error.code], message: error.message, field: error.field ?? null };
  console.error(error);
  return { type: 'error', status: 500, message: INTERNAL_ERROR_MESSAGE, field: null };
}

/**
 * POST /api/imports for the Imports page: signed-in editors only. Answers at once with a stream of
 * JSON lines: progress while the file is read and written, then the report (or an error).
 */
export async function importForPage(db: Db, req: Request): Promise<Response> {
  let userId: string;
  try {
    userId = requireRole(await sessionUserOf(db, req.headers), 'editor').id;
  } catch (error) {
    const line = errorLine(error);
    return Response.json(line, { status: line.status });
  }
  const declared = Number(req.headers.get('content-length'));
  if (declared > MAX_UPLOAD_BYTES) return Response.json(errorLine(tooLarge(declared)), { status: 413 });

  const encoder = new TextEncoder();
  let lastSent = 0;
  // A page closed during the import stops hearing about it; the import itself goes on to its end
  // and its report stays in the history.
  let isClosed = false;
  const stream = new ReadableStream<Uint8Array>({
    cancel() {
      isClosed = true;
    },
    async start(controller) {
      const send = (line: object) => {
        if (!isClosed) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      try {
        const report = await importFromRequest(db, req, {
          createdBy: userId,
          via: 'page',
          onProgress: (progress) => {
            if (Date.now() - lastSent < 200) return;
            lastSent = Date.now();
            send({ type: 'progress', ...progress });
          },
        });
        send({ type: 'report', report });
      } catch (error) {
        send(errorLine(error));
      }
      if (!isClosed) controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  });
}

/** The route handler of POST /api/imports: same-site requests only, on the app's database. */
export async function postImportPageRoute(req: Request): Promise<Response> {
  return refuseCrossSite(req) ?? importForPage(await getDb(), req);
}
