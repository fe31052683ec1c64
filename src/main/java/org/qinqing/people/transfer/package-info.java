/**
 * Class lists in and out of the archive (import with its preview, export, templates), and the table
 * downloads other console pages reuse ({@link org.qinqing.people.transfer.SheetDownloads}).
 */
@org.springframework.modulith.NamedInterface("transfer")
package org.qinqing.people.transfer;
