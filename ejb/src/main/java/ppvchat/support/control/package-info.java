/** Who is at the support desk and which tickets they may see. */
package ppvchat.support.control;
