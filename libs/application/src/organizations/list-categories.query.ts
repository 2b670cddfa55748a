import { Injectable } from '@nestjs/common';
import { CATEGORY_TAXONOMY, type Category } from '#domain';

/** The category taxonomy, parents before children. It lives in code: codes are stable and reviewed. */
@Injectable()
export class ListCategories {
  execute(): readonly Category[] {
    return CATEGORY_TAXONOMY;
  }
}
