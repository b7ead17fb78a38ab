import type { PrismaClient } from '../generated/prisma/client.js';
import { authorize, type ActorRef, type AuthRefusal, type Permission } from './actors.js';

/**
 * The permission question on its own, for a channel that wants to refuse early — before it asks
 * the first question of a flow that only staff may finish, say. The answer is the use cases' own
 * rule (`authorize`: role and unit re-read now, refusals audited), never a channel's copy of it;
 * the use case that finally acts asks again, so this is a courtesy, not the gate.
 *
 * @example if (!(await services.access.check({ id }, { action: 'unit.import', need: 'ADMIN' })).ok) …
 */
export class AccessService {
  constructor(private readonly prisma: PrismaClient) {}

  async check(actor: ActorRef, p: Permission): Promise<{ ok: true } | { ok: false; reason: AuthRefusal }> {
    const r = await authorize(this.prisma, actor, p);
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  }
}
