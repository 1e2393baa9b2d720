/** JAX-RS plumbing of the public API: the application path and the error answers. */
package ppvchat.rest;
