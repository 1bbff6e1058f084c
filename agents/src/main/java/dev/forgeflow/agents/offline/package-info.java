/**
 * The offline planner: a deterministic stand-in for the model when no LLM endpoint is set.
 *
 * <h2>What the prompt reader reads</h2>
 *
 * {@link dev.forgeflow.agents.offline.PromptReader} reads a prompt, and the documents attached to
 * it, for resources and their typed fields. Readers run in this order, each blanking out what it
 * read so the next sees only the rest:
 *
 * <ol>
 *   <li>markdown tables: a header row with a field column ({@code | Field | Type |}, {@code | name
 *       | type | description |}), a separator row, a field per row; the resource is named by the
 *       line before ({@code Resource: employees}, {@code **Employees**}) or the heading above
 *       ({@code ### Employees}); a {@code | Resource | Fields |} table declares one per row;
 *   <li>blocks: a heading, a bold or plain name line, or a bullet, with the fields one a bullet
 *       below ({@code ## Books} then {@code - title (string)}, {@code - price: decimal}, {@code *
 *       published — date}, {@code - **title** — text});
 *   <li>parentheses: {@code books (title, price: float)}, {@code Category(name)};
 *   <li>lines: {@code notes: title, body, pinned: bool}, {@code Notes — title, body, pinned
 *       (bool)}, {@code - users: name, email}, {@code each Review: rating int};
 *   <li>sentences: {@code tasks with fields title, done: bool}, {@code A note has a title, a body
 *       and a pinned flag}, {@code The Book entity has title (string)}.
 * </ol>
 *
 * <h2>Fields and types</h2>
 *
 * A field is {@code name}, {@code name: type}, {@code name (type)}, {@code name — type}, {@code
 * name as type} or {@code name of type type}; text after a dash that follows the type is a
 * description. Types: str (string, text, email, url), int (integer, whole number, count), float
 * (number, decimal, double, amount), bool (boolean, flag, yes/no, true/false), date, datetime
 * (timestamp, date/time); with {@code optional}, {@code ?}, {@code Optional[x]}, {@code x | None},
 * {@code (optional)}, {@code nullable} marking a field optional, and sizes ({@code varchar(255)})
 * dropped. Phrases, by fixed rules:
 *
 * <ul>
 *   <li>articles go: {@code a title} is {@code title}; {@code an optional description} is an
 *       optional {@code description};
 *   <li>a type word after a name types it ({@code pinned flag}: bool {@code pinned}); before it too
 *       ({@code a decimal price}: float {@code price});
 *   <li>date, datetime, timestamp, count and amount stay in the name ({@code due date}: date {@code
 *       due_date}; {@code view count}: int {@code view_count}); a name with the word {@code date}
 *       is a date ({@code date of birth}: {@code date_of_birth}); {@code number of pages} is an
 *       int;
 *   <li>{@code a boolean flag called done}: bool {@code done};
 *   <li>{@code price in dollars}: float {@code price}, by the units of {@code words/units.txt}
 *       (money and measures float, cents and durations int);
 *   <li>{@code the date it was hired}: date {@code hired_on}; {@code the time it was sent}:
 *       datetime {@code sent_at} (the verb, then {@code _on} for a date or {@code _at} for a time);
 *   <li>{@code email address} is the str {@code email_address}: an untyped field is a str;
 *   <li>lists ({@code list of strings}, {@code a list of tags}, {@code array}, {@code str[]}) are
 *       refused, not stored as text: the generated service has no list columns, and the message
 *       says to make the list a resource of its own.
 * </ul>
 *
 * <h2>Never guessing</h2>
 *
 * Prose produces no resource. A declaration must show itself: parentheses of fields, a bulleted
 * line, a plural name with several fields, a typed field, an announcing word ({@code fields},
 * {@code entities}), a section about resources ({@code ## Resources}, {@code ## Data model}, {@code
 * Entities:}), or a line saying {@code Resource:}. {@code ## Goals} with {@code - speed} is prose,
 * and so are {@code (and their reviews)} and {@code (mostly students)}. A field with an unknown
 * type is refused only where the rest shows a declaration. What the reader cannot read is refused
 * with a {@link dev.forgeflow.agents.offline.PromptNotUnderstoodException} saying what it
 * understood. Every scan is linear in the text: regular expressions run only on bounded pieces or
 * cannot backtrack, so a megabyte of hostile text is read or refused in a second or two.
 *
 * <h2>Not read, on purpose</h2>
 *
 * <ul>
 *   <li>YAML-like nesting without bullets ({@code users:} then {@code name: string}): write bullets
 *       or a table;
 *   <li>sub-bullets under a field ({@code - title: string} then {@code - shown in lists}): three
 *       words read as a field name, so the block is not read rather than misread;
 *   <li>a sentence with a single untyped field ({@code a book has a title}, {@code Each user has a
 *       name}): too close to prose; two fields or a type make it a declaration;
 *   <li>lists, arrays, JSON and enums as field types: refused, never stored as text.
 * </ul>
 *
 * A plural noun before parentheses of words still reads as a resource ({@code Clients (browsers,
 * mobile apps)}): that is the planner's own syntax, so prose in a description should not use it.
 */
package dev.forgeflow.agents.offline;
