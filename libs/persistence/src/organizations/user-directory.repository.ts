import { Injectable } from '@nestjs/common';
import { UserDirectory } from '#application';
import type { NormalizedEmail } from '#domain';
import { DataSource } from 'typeorm';
import { connectedManager } from '../accounts/connected-manager';

/** Reads the accounts' users table for the one fact organisations need; never its secrets. */
@Injectable()
export class SqlUserDirectory extends UserDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async findVerifiedUserIdByEmail(email: NormalizedEmail): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await connectedManager(this.dataSource).query(
      'SELECT id FROM users WHERE email = $1 AND email_verified_at IS NOT NULL',
      [email],
    );
    return rows[0]?.id;
  }
}
