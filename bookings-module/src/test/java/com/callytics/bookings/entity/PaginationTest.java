package com.callytics.bookings.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaginationTest {

  @Test
  void firstFullPageWithKnownTotalPointsToTheNextPage() {
    Pagination pagination = Pagination.compute(10, 0, 10, 25);

    assertThat(pagination).isEqualTo(new Pagination(25, 15, 10, 10, 1, 3, true, false));
  }

  @Test
  void lastPartialPageWithKnownTotalHasNoNextPage() {
    Pagination pagination = Pagination.compute(10, 20, 5, 25);

    assertThat(pagination).isEqualTo(new Pagination(25, 0, 5, 10, 3, 3, false, true));
  }

  @Test
  void fullPageWithUnknownTotalSignalsOneMoreItem() {
    Pagination pagination = Pagination.compute(100, 100, 100, null);

    assertThat(pagination.totalItems()).isEqualTo(201);
    assertThat(pagination.remainingItems()).isEqualTo(1);
    assertThat(pagination.hasNextPage()).isTrue();
    assertThat(pagination.hasPreviousPage()).isTrue();
    assertThat(pagination.currentPage()).isEqualTo(2);
    assertThat(pagination.totalPages()).isEqualTo(3);
    assertThat(pagination.itemsPerPage()).isEqualTo(100);
    assertThat(pagination.returnedItems()).isEqualTo(100);
  }

  @Test
  void shortPageWithUnknownTotalIsTheLastPage() {
    Pagination pagination = Pagination.compute(100, 200, 42, null);

    assertThat(pagination).isEqualTo(new Pagination(242, 0, 42, 100, 3, 3, false, true));
  }

  @Test
  void noResultsMeansNoPages() {
    assertThat(Pagination.compute(10, 0, 0, null))
        .isEqualTo(new Pagination(0, 0, 0, 10, 1, 0, false, false));
    assertThat(Pagination.compute(10, 0, 0, 0))
        .isEqualTo(new Pagination(0, 0, 0, 10, 1, 0, false, false));
  }

  @Test
  void skippingPastTheEndLeavesNothingRemaining() {
    Pagination pagination = Pagination.compute(10, 50, 0, 25);

    assertThat(pagination.remainingItems()).isZero();
    assertThat(pagination.hasNextPage()).isFalse();
    assertThat(pagination.currentPage()).isEqualTo(6);
    assertThat(pagination.totalPages()).isEqualTo(3);
  }

  @Test
  void oneItemMakesOnePage() {
    assertThat(Pagination.compute(500, 0, 1, 1).totalPages()).isEqualTo(1);
  }

  @Test
  void takeOfZeroIsRejected() {
    assertThatThrownBy(() -> Pagination.compute(0, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyIsAllZerosAndFalse() {
    assertThat(Pagination.empty()).isEqualTo(new Pagination(0, 0, 0, 0, 0, 0, false, false));
  }
}
