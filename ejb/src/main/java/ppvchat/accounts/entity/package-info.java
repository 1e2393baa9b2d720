/** Chat users (with their cached credit balance), roles and permissions, console accounts. */
package ppvchat.accounts.entity;
