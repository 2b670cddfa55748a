import { RefreshTokenEntity } from './accounts/refresh-token.entity';
import { UserEntity } from './accounts/user.entity';
import { OutboxJobEntity } from './outbox/outbox-job.entity';

/** An @Entity class (TypeORM's own type is the too-wide `Function`). */
type EntityClass = new (...args: never[]) => object;

/** Every TypeORM entity. Listed explicitly: the app, the CLI and the tests see the same model. */
export const ENTITIES: EntityClass[] = [OutboxJobEntity, UserEntity, RefreshTokenEntity];
