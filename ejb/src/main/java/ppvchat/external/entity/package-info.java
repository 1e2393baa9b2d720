/** External mode: the JSON bodies of the calls to a webmaster's own server, one record per request and answer. */
package ppvchat.external.entity;
