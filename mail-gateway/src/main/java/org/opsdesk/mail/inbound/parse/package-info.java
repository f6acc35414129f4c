/**
 * The permissive MIME parser: raw bytes in, a {@link org.opsdesk.mail.inbound.parse.ParsedMail} out, with a
 * note for every repair and every skipped part. Only bytes that are no mail at all are refused
 * ({@link org.opsdesk.mail.inbound.parse.UnparseableMailException}, for the quarantine).
 *
 * <p>The reading, in order: {@code RawInput} (bare-CR line ends, SMTP transcripts), {@code EntityReader}
 * (mbox envelope line, header section as an MTA reads a broken one, raw 8-bit headers),
 * {@code BodyCollector} (the MIME tree: {@code MultipartSplitter}, {@code TransferEncodings},
 * {@code MailCharsets}, the application's {@code HtmlText}, {@code ReportFields}), and for the header fields
 * {@code EncodedWords} (RFC 2047), {@code StructuredField} (parameters, RFC 2231), {@code Addresses},
 * {@code MessageIds} and {@code MailDates}.
 *
 * <p><b>Why not {@code jakarta.mail.internet.MimeMessage}?</b> Its leniency switches cannot be set per
 * parser: in jakarta.mail-api 2.1 (what Angus Mail 2.0 runs on) only {@code mail.mime.address.strict} and
 * {@code mail.mime.allowutf8} are read from the {@code Session}. {@code mail.mime.decodetext.strict},
 * {@code decodefilename}, {@code decodeparameters}, {@code parameters.strict},
 * {@code ignoreunknownencoding}, {@code base64.ignoreerrors}, {@code uudecode.ignoreerrors} and the
 * {@code multipart.*} switches are JVM-wide system properties, most read once in static initialisers; setting
 * them would change every other deployment in the server and depend on class-loading order. Its defaults are
 * strict where real mail is broken (base64 with junk, unknown charsets, {@code ks_c_5601-1987}, encoded words
 * inside words, an empty multipart). So the structure is read here, by small permissive classes, and Jakarta
 * Mail is used where its defaults fit: {@link jakarta.mail.internet.MailDateFormat} for dates. The tests build
 * their messages with Jakarta Mail, so what it writes is what this package must read.
 */
package org.opsdesk.mail.inbound.parse;
