/** The demo site that the quick start shows. */
package ppvchat.demo.control;
