// POST/PATCH/PUT/DELETE on a relation, dispatched here by the REST service. Each runs as one
// statement in the request's transaction, so a refused write leaves nothing behind.
import { ApiError } from '../errors.ts';
import type { RestRequest, RestResponse, TxClient } from '../context.ts';
import { checkStrictPreferences } from '../prefer.ts';
import { handleDelete } from './delete.ts';
import { handleInsert } from './insert.ts';
import { handlePut } from './put.ts';
import { resolveTarget } from './target.ts';
import { handleUpdate } from './update.ts';

export async function handleMutation(req: RestRequest, tx: TxClient, table: string): Promise<RestResponse> {
  checkStrictPreferences(req.prefer);
  const target = resolveTarget(req, table);
  switch (req.method) {
    case 'POST':
      return handleInsert(target, tx);
    case 'PATCH':
      return handleUpdate(target, tx);
    case 'PUT':
      return handlePut(target, tx);
    case 'DELETE':
      return handleDelete(target, tx);
    default:
      throw new ApiError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
  }
}
