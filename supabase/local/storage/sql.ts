// Every statement Storage runs, each named for what it does. They run as the caller's role unless
// a route says otherwise, so storage.objects / storage.buckets policies decide.
export interface Query {
  text: string;
  values: unknown[];
}

const BUCKET_COLUMNS =
  'id, name, owner, public, type, file_size_limit, allowed_mime_types, created_at, updated_at';
const OBJECT_COLUMNS =
  'id, bucket_id, name, owner, owner_id, version, metadata, user_metadata, created_at, updated_at, last_accessed_at';

export interface BucketRow {
  id: string;
  name: string;
  owner: string | null;
  public: boolean;
  type: string;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
  created_at: Date;
  updated_at: Date;
}

export interface ObjectRow {
  id: string;
  bucket_id: string;
  name: string;
  owner: string | null;
  owner_id: string | null;
  version: string;
  metadata: ObjectMetadata | null;
  user_metadata: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  last_accessed_at: Date;
}

export interface ObjectMetadata {
  eTag: string;
  size: number;
  mimetype: string;
  cacheControl: string;
  lastModified: string;
  contentLength: number;
  httpStatusCode: number;
}

export const sql = {
  /** Sets who the transaction runs as, the way storage-api does before each request's SQL. */
  impersonate: (role: string, claims: object, jwt: string, method: string, path: string): Query => ({
    text: `select set_config('role', $1, true), set_config('request.jwt.claim.role', $1, true),
                  set_config('request.jwt.claims', $2, true), set_config('request.jwt.claim.sub', $3, true),
                  set_config('request.jwt', $4, true), set_config('request.method', $5, true),
                  set_config('request.path', $6, true)`,
    values: [role, JSON.stringify(claims), (claims as { sub?: unknown }).sub ?? '', jwt, method, path],
  }),

  listBuckets: (o: { limit?: number; offset?: number; search?: string; column: string; order: string }): Query => ({
    text: `select ${BUCKET_COLUMNS} from storage.buckets
           where ($1::text is null or name ilike '%' || $1 || '%')
           order by ${o.column} ${o.order} limit $2 offset $3`,
    values: [o.search ?? null, o.limit ?? null, o.offset ?? 0],
  }),
  /** A bucket declared in config.toml: created, or its settings brought in line. */
  seedBucket: (b: { id: string; public: boolean; fileSizeLimit: number | null; allowedMimeTypes: string[] | null }): Query => ({
    text: `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ($1, $1, $2, $3, $4)
           on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
             allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`,
    values: [b.id, b.public, b.fileSizeLimit, b.allowedMimeTypes],
  }),
  findBucket: (id: string): Query => ({ text: `select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, values: [id] }),
  createBucket: (b: { id: string; name: string; owner: string | null; ownerId: string | null; public: boolean;
    fileSizeLimit: number | null; allowedMimeTypes: string[] | null }): Query => ({
    text: `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types)
           values ($1, $2, $3, $4, $5, $6, $7)`,
    values: [b.id, b.name, b.owner, b.ownerId, b.public, b.fileSizeLimit, b.allowedMimeTypes],
  }),
  updateBucket: (id: string, set: { public?: boolean; fileSizeLimit?: number | null; allowedMimeTypes?: string[] | null }): Query => ({
    text: `update storage.buckets set
             public = coalesce($2, public),
             file_size_limit = case when $3 then $4 else file_size_limit end,
             allowed_mime_types = case when $5 then $6 else allowed_mime_types end,
             updated_at = now()
           where id = $1 returning id`,
    values: [id, set.public ?? null, set.fileSizeLimit !== undefined, set.fileSizeLimit ?? null,
      set.allowedMimeTypes !== undefined, set.allowedMimeTypes ?? null],
  }),
  countObjects: (bucket: string): Query => ({
    text: 'select count(*)::int as count from (select 1 from storage.objects where bucket_id = $1 limit 1) o',
    values: [bucket],
  }),
  deleteBucket: (id: string): Query => ({ text: 'delete from storage.buckets where id = $1 returning id', values: [id] }),

  findObject: (bucket: string, name: string): Query => ({
    text: `select ${OBJECT_COLUMNS} from storage.objects where bucket_id = $1 and name = $2`,
    values: [bucket, name],
  }),
  findObjectNames: (bucket: string, names: string[]): Query => ({
    text: 'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
    values: [bucket, names],
  }),
  /** No RETURNING: an insert-only policy must be enough to upload. */
  insertObject: (o: NewObject): Query => ({
    text: `insert into storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    values: [o.id, o.bucket, o.name, o.owner, o.ownerId, o.version, o.metadata, o.userMetadata],
  }),
  /** Upsert needs insert, and select + update on an existing row (Postgres checks both). */
  upsertObject: (o: NewObject): Query => ({
    text: `insert into storage.objects (id, bucket_id, name, owner, owner_id, version, metadata, user_metadata)
           values ($1, $2, $3, $4, $5, $6, $7, $8)
           on conflict (bucket_id, name) do update set
             owner = excluded.owner, owner_id = excluded.owner_id, version = excluded.version,
             metadata = excluded.metadata, user_metadata = excluded.user_metadata, last_accessed_at = now()
           returning id`,
    values: [o.id, o.bucket, o.name, o.owner, o.ownerId, o.version, o.metadata, o.userMetadata],
  }),
  moveObject: (m: { bucket: string; name: string; toBucket: string; toName: string; owner: string | null;
    ownerId: string | null; version: string }): Query => ({
    text: `update storage.objects set bucket_id = $3, name = $4, owner = $5, owner_id = $6, version = $7
           where bucket_id = $1 and name = $2 returning id`,
    values: [m.bucket, m.name, m.toBucket, m.toName, m.owner, m.ownerId, m.version],
  }),
  deleteObjects: (bucket: string, names: string[]): Query => ({
    text: `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
           returning ${OBJECT_COLUMNS}`,
    values: [bucket, names],
  }),
  /** Everything in a bucket (service-side emptying runs as the caller too). */
  deleteAllObjects: (bucket: string): Query => ({
    text: 'delete from storage.objects where bucket_id = $1 returning name, version',
    values: [bucket],
  }),
  /**
   * list-v2: objects whose key starts with `prefix`, flat or (with a delimiter) grouped into folders
   * `prefix + segment + '/'` (a folder's dates are its first object's), one ordered page from `offset`.
   */
  listV2: (l: { bucket: string; prefix: string; delimiter: boolean; column: string; order: string; limit: number; offset: number }): Query => ({
    text: `with matching as (
             select o.*, substr(o.name, length($2) + 1) as rest from storage.objects o
             where o.bucket_id = $1 and left(o.name, length($2)) = $2
           ),
           entries as (
             select name as key, false as is_folder, id, updated_at, created_at, last_accessed_at, metadata
               from matching where not $3 or strpos(rest, '/') = 0
             union all
             select $2 || split_part(rest, '/', 1) || '/', true, null, min(created_at), min(created_at), null, null
               from matching where $3 and strpos(rest, '/') > 0
               group by split_part(rest, '/', 1)
           )
           select * from entries
           order by ${l.column} ${l.order}, key collate "C" ${l.order}
           limit $4 offset $5`,
    values: [l.bucket, l.prefix, l.delimiter, l.limit + 1, l.offset],
  }),
  search: (s: { bucket: string; prefix: string; limit: number; levels: number; offset: number; search: string;
    column: string; order: string }): Query => ({
    text: 'select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)',
    values: [s.prefix, s.bucket, s.limit, s.levels, s.offset, s.search, s.column, s.order],
  }),
};

export interface NewObject {
  id: string;
  bucket: string;
  name: string;
  owner: string | null;
  ownerId: string | null;
  version: string;
  /** Null only for storage-api's permission probe (signed upload URLs), which never commits. */
  metadata: ObjectMetadata | null;
  userMetadata: Record<string, unknown> | null;
}
