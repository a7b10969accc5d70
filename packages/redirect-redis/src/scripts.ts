// Lua scripts run atomically by Redis: no instance ever sees a pointer to a half-written
// snapshot, and the notification goes out in the same step as the pointer change.

/**
 * Publish. ARGV: key, rules, origins, matching, hash, author, time, keep. Writes snapshot `key:v:<n>`,
 * points `key:current` at it, records it in `key:versions`, drops versions beyond `keep`
 * (never the current one) and publishes `<n>` on `key:updates`.
 * Returns `{ version, previous or '' }`.
 */
export const publishScript = `
local key = ARGV[1]
local seq = redis.call('INCR', key .. ':seq')
local version = tostring(seq)
redis.call('HSET', key .. ':v:' .. version,
  'version', version, 'rules', ARGV[2], 'origins', ARGV[3], 'matching', ARGV[4],
  'hash', ARGV[5], 'author', ARGV[6], 'time', ARGV[7])
local previous = redis.call('GET', key .. ':current')
redis.call('SET', key .. ':current', version)
redis.call('ZADD', key .. ':versions', seq, version)
local keep = tonumber(ARGV[8])
local old = redis.call('ZRANGE', key .. ':versions', 0, -(keep + 1))
for _, v in ipairs(old) do
  if v ~= version then
    redis.call('DEL', key .. ':v:' .. v)
    redis.call('ZREM', key .. ':versions', v)
  end
end
redis.call('PUBLISH', key .. ':updates', version)
return { version, previous or '' }
`;

/**
 * Rollback. ARGV: key, version. Points `key:current` at a kept version and publishes it.
 * Returns the previous version, or an error reply when the version is not kept.
 */
export const rollbackScript = `
local key = ARGV[1]
local version = ARGV[2]
if redis.call('EXISTS', key .. ':v:' .. version) == 0 then
  return redis.error_reply('NOVERSION version ' .. version .. ' is not kept under ' .. key)
end
local previous = redis.call('GET', key .. ':current')
redis.call('SET', key .. ':current', version)
redis.call('PUBLISH', key .. ':updates', version)
return previous or ''
`;

/**
 * Read. ARGV: key, held version, its hash, failed version, its hash. Returns `{}` when nothing
 * is published, `{ current }` when the current snapshot is the held or the failed one (version
 * and hash: a Redis that lost its data numbers versions from 1 again), else
 * `{ current, fields of its snapshot }`: pointer and snapshot read in one step, so a trim in
 * between cannot split them.
 */
export const readScript = `
local key = ARGV[1]
local current = redis.call('GET', key .. ':current')
if not current then return {} end
local hash = redis.call('HGET', key .. ':v:' .. current, 'hash')
if (current == ARGV[2] and hash == ARGV[3]) or (current == ARGV[4] and hash == ARGV[5]) then
  return { current }
end
return { current, redis.call('HGETALL', key .. ':v:' .. current) }
`;
