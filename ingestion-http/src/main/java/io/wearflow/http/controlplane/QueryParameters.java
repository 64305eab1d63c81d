package io.wearflow.http.controlplane;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The first value of each query parameter of a request. */
public final class QueryParameters {

  private QueryParameters() {}

  public static Map<String, String> of(Context ctx) {
    Map<String, String> first = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
      if (!entry.getValue().isEmpty()) {
        first.put(entry.getKey(), entry.getValue().get(0));
      }
    }
    return first;
  }
}
