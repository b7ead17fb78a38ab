/**
 * Where open flows live between two messages: Redis when configured, else the database's `session`
 * table. Both stores compare-and-set on the state's `rev`, so when two instances behind a
 * round-robin proxy take two quick answers of one member, the second sees the first's state (or
 * retries) instead of overwriting it with a stale one.
 */
import type { Redis } from 'ioredis';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { FlowState } from './model.js';

/** Storage of one open flow per key (a member, on any channel). */
export interface FlowStore {
  load(key: string): Promise<FlowState<unknown> | null>;
  /**
   * Stores `state` when the stored state's rev is still `expectedRev`; `null` stores unconditionally
   * (a new flow replaces whatever was open). False when another instance stored first.
   */
  save(key: string, state: FlowState<unknown>, expectedRev: number | null): Promise<boolean>;
  /** Removes the open flow (only if its rev is still `expectedRev`, when given). */
  clear(key: string, expectedRev?: number): Promise<void>;
}

/** How long an untouched flow is kept: a member may answer the next morning, not next quarter. */
export const FLOW_TTL_SECONDS = 30 * 86_400;

const CAS_SET = `
local cur = redis.call('GET', KEYS[1])
local expected = tonumber(ARGV[2])
if expected >= 0 then
  if not cur then return 0 end
  local ok, decoded = pcall(cjson.decode, cur)
  if not ok or tonumber(decoded['rev']) ~= expected then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[3]))
return 1`;

const CAS_DEL = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local expected = tonumber(ARGV[1])
if expected >= 0 then
  local ok, decoded = pcall(cjson.decode, cur)
  if not ok or tonumber(decoded['rev']) ~= expected then return 0 end
end
return redis.call('DEL', KEYS[1])`;

/** The compare-and-set scripts, registered once per client (EVALSHA: the script text is not resent per answer). */
interface CasCommands {
  thiduaFlowCasSet(key: string, value: string, expectedRev: string, ttl: string): Promise<number>;
  thiduaFlowCasDel(key: string, expectedRev: string): Promise<number>;
}

/** Flow states in Redis under `flow:<key>` (after the client's own key prefix), with a TTL. */
export class RedisFlowStore implements FlowStore {
  private readonly cas: CasCommands;

  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds = FLOW_TTL_SECONDS,
  ) {
    const commands = redis as unknown as Partial<CasCommands>;
    if (!commands.thiduaFlowCasSet) redis.defineCommand('thiduaFlowCasSet', { numberOfKeys: 1, lua: CAS_SET });
    if (!commands.thiduaFlowCasDel) redis.defineCommand('thiduaFlowCasDel', { numberOfKeys: 1, lua: CAS_DEL });
    this.cas = redis as unknown as CasCommands;
  }

  async load(key: string): Promise<FlowState<unknown> | null> {
    const text = await this.redis.get(`flow:${key}`);
    return text ? (JSON.parse(text) as FlowState<unknown>) : null;
  }

  async save(key: string, state: FlowState<unknown>, expectedRev: number | null): Promise<boolean> {
    const done = await this.cas.thiduaFlowCasSet(`flow:${key}`, JSON.stringify(state), String(expectedRev ?? -1), String(this.ttlSeconds));
    return done === 1;
  }

  async clear(key: string, expectedRev?: number): Promise<void> {
    await this.cas.thiduaFlowCasDel(`flow:${key}`, String(expectedRev ?? -1));
  }
}

/** Flow states in the `session` table under `flow:<key>` (no Redis: the embedded default). */
export class PrismaFlowStore implements FlowStore {
  constructor(private readonly prisma: PrismaClient) {}

  async load(key: string): Promise<FlowState<unknown> | null> {
    const row = await this.prisma.session.findUnique({ where: { key: `flow:${key}` } });
    return row ? (JSON.parse(row.value) as FlowState<unknown>) : null;
  }

  async save(key: string, state: FlowState<unknown>, expectedRev: number | null): Promise<boolean> {
    const k = `flow:${key}`;
    const v = JSON.stringify(state);
    if (expectedRev === null) {
      await this.prisma.$executeRaw`
        INSERT INTO "session" ("key", "value", "updated_at") VALUES (${k}, ${v}, now())
        ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now()`;
      return true;
    }
    const changed = await this.prisma.$executeRaw`
      UPDATE "session" SET "value" = ${v}, "updated_at" = now()
      WHERE "key" = ${k} AND ("value"::jsonb ->> 'rev')::int = ${expectedRev}`;
    return changed === 1;
  }

  async clear(key: string, expectedRev?: number): Promise<void> {
    const k = `flow:${key}`;
    if (expectedRev === undefined) await this.prisma.$executeRaw`DELETE FROM "session" WHERE "key" = ${k}`;
    else await this.prisma.$executeRaw`DELETE FROM "session" WHERE "key" = ${k} AND ("value"::jsonb ->> 'rev')::int = ${expectedRev}`;
  }
}
