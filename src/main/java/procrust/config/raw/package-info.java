/**
 * The file as written: records that mirror the TOML tables, values parsed but not yet checked or
 * defaulted, each with the positions of its keys. Their field constraints are declared once, beside the
 * validator (procrust.validate.FieldConstraints), not as annotations on the record components (Java
 * would copy each onto the field, the accessor and the constructor parameter); the custom ones are here.
 * May import: config, diag.
 */
package procrust.config.raw;
