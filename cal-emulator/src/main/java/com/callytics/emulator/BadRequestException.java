package com.callytics.emulator;

/** A request parameter the emulator refuses; answered with 400. */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
