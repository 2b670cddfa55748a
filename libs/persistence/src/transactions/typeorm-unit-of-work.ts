import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#application';
import { DataSource } from 'typeorm';
import { runInTransaction } from './transaction-scope';

@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work);
  }
}
