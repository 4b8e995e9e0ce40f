// What the CRM's invariant tests share: a supabase-js client per persona.
import { anonClient } from '../../helpers/env.ts';
import type { SignedInPersona, World } from '../world.ts';

export const as = (world: World, persona: SignedInPersona) => anonClient(world.tokens[persona]);
