package io.wearflow.http.controlplane;

import io.javalin.http.Context;
import io.wearflow.http.problem.ApiException;

/** Reads numeric ids from paths: anything but a positive integer names no resource (404). */
public final class PathIds {

  private PathIds() {}

  public static long id(Context ctx, String parameter, String what) {
    String value = ctx.pathParam(parameter);
    if (value.matches("[0-9]{1,18}")) {
      long id = Long.parseLong(value);
      if (id > 0) {
        return id;
      }
    }
    throw ApiException.notFound("No " + what + " with id '" + value + "'.");
  }
}
