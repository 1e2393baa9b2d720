/** Tenants and their rules: money value of a credit, billing policy, rounding, role permissions. */
package ppvchat.tenancy.entity;
