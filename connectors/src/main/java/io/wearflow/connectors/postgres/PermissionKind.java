package io.wearflow.connectors.postgres;

/**
 * What a permission lets a manager do with an athlete's data within its time window: {@code READ}
 * it, {@code WRITE} it, {@code SHARE} it with others. Stored by name in {@code
 * permissions.permission}.
 */
public enum PermissionKind {
  READ,
  WRITE,
  SHARE
}
