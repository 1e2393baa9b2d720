/** Support tickets between site staff and the webmaster's console users. */
package ppvchat.support.entity;
