import { Injectable } from '@nestjs/common';
import { UserRepository, type UserAccount } from '#application';
import { DomainError, type NormalizedEmail } from '#domain';
import { DataSource, IsNull, QueryFailedError } from 'typeorm';
import { connectedManager } from './connected-manager';
import { toUserAccount, toUserEntity } from './accounts.mapper';
import { UserEntity } from './user.entity';

const UNIQUE_VIOLATION = '23505';
const EMAIL_UNIQUE_INDEX = 'users_email_key';

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  // Joins the caller's unit of work when there is one (registration creates the account with its memberships).
  private get rows() {
    return connectedManager(this.dataSource).getRepository(UserEntity);
  }

  async findByEmail(email: NormalizedEmail): Promise<UserAccount | null> {
    const row = await this.rows.findOneBy({ email });
    return row ? toUserAccount(row) : null;
  }

  async findById(id: string): Promise<UserAccount | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toUserAccount(row) : null;
  }

  async create(account: UserAccount): Promise<void> {
    try {
      await this.rows.insert(toUserEntity(account));
    } catch (error) {
      // Two registrations for one address can both pass the existence check; the index decides.
      if (isUniqueViolationOf(error, EMAIL_UNIQUE_INDEX)) {
        throw new DomainError('EMAIL_ALREADY_REGISTERED', 'email');
      }
      throw error;
    }
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.rows.update({ id }, { passwordHash });
  }

  async markEmailVerified(id: string, at: Date): Promise<boolean> {
    // Conditional, so the first proof's date stays.
    await this.rows.update({ id, emailVerifiedAt: IsNull() }, { emailVerifiedAt: at });
    return this.rows.existsBy({ id });
  }

  async setPlatformAdmin(id: string, platformAdmin: boolean): Promise<boolean> {
    const result = await this.rows.update({ id }, { platformAdmin });
    return (result.affected ?? 0) > 0;
  }
}

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = (error as { driverError?: { code?: unknown; constraint?: unknown } }).driverError;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}
