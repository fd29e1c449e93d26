# Names that say a value is a credential, shared by the rules that look for credentials
# written into CI files. The last word of the name decides, so DB_PASSWORD, apiKey and
# client-secret are credentials while TOKEN_URL, PASSWORD_FILE and SECRET_DETECTION_DISABLED
# are not; a bare "key" is not one either (cache keys), only api/private/access/... keys.
package gatepost.lib.credentials

# The words of a name, lower-cased: "apiKey" and "API_KEY" both give ["api", "key"].
words(name) := [w |
	some w in regex.split(`[^a-z0-9]+`, lower(regex.replace(name, `([a-z0-9])([A-Z])`, "${1}_${2}")))
	w != ""
]

secret_words := {"password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "apikey", "credential", "credentials"}

key_kinds := {"api", "private", "secret", "access", "ssh", "signing", "encryption", "deploy", "auth"}

is_credential_name(name) if {
	is_string(name)
	w := words(name)
	w[count(w) - 1] in secret_words
}

is_credential_name(name) if {
	is_string(name)
	w := words(name)
	count(w) > 1
	w[count(w) - 1] == "key"
	w[count(w) - 2] in key_kinds
}

# Strings that are settings, not secrets, even under a credential name.
not_a_secret := {"true", "false", "yes", "no", "on", "off", "null", "none"}

# A non-empty string with a credential's shape: one token, no spaces inside it.
literal_value(v) if {
	is_string(v)
	t := trim_space(v)
	t != ""
	not lower(t) in not_a_secret
}
