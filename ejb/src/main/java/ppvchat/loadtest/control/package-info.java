/** Synthetic sites for load tests. */
package ppvchat.loadtest.control;
