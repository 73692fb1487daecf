package com.callytics.bookings.control;

/** The booking store could not read or write the database. The message names no secret. */
public class BookingStoreException extends RuntimeException {
  public BookingStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
