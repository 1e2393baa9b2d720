/** Start-up plumbing: the datasource, schema migrations, the clock. */
package ppvchat.platform.control;
