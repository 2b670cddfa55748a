import { Injectable } from '@nestjs/common';
import { UnitOfWork, type UnitOfWorkOptions } from '#application';
import { DataSource } from 'typeorm';
import { runInTransaction } from './transaction-scope';

@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: () => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    return runInTransaction(this.dataSource, work, { writesAtCommit: options.writesAtCommit === true, optimistic: options.optimistic === true });
  }
}
