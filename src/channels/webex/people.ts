import type { WebexClient } from '../../webexApi/client';
import type { BotIdentity } from './activityMapping';
import type { WebexPerson } from './types';

export interface KnownPerson {
  id: string;
  email?: string;
  name: string;
}

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

/** The bot's own identity (GET /people/me) and the people who write to it (GET /people/{id}), cached a while. */
export class WebexPeople {
  private bot?: Promise<BotIdentity>;
  private readonly cache = new Map<string, { person: KnownPerson; until: number }>();

  constructor(private readonly client: WebexClient) {}

  me(): Promise<BotIdentity> {
    this.bot ??= this.client.request<WebexPerson>('GET', '/people/me').then(
      ({ body }) => ({ id: body.id, email: body.emails?.[0]?.toLowerCase(), displayName: body.displayName ?? 'Provisio' }),
      (error) => {
        this.bot = undefined; // asked again next time
        throw error;
      },
    );
    return this.bot;
  }

  async person(id: string): Promise<KnownPerson> {
    const cached = this.cache.get(id);
    if (cached && cached.until > Date.now()) return cached.person;
    const { body } = await this.client.request<WebexPerson>('GET', `/people/${encodeURIComponent(id)}`);
    const email = body.emails?.[0]?.toLowerCase();
    const person = { id, email, name: body.displayName || email || id };
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(id, { person, until: Date.now() + TTL_MS });
    return person;
  }
}
