/** Tenants: webmasters, their money settings, billing policy, permissions and integration mode. */
package ppvchat.tenancy.boundary;
