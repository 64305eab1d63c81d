package io.wearflow.http.auth;

/** A bearer token that is malformed, badly signed, expired or not issued by wearflow. */
public class InvalidTokenException extends Exception {

  public InvalidTokenException(String message) {
    super(message);
  }
}
