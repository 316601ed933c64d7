# The MX host "mail" is an alias of mx1, the TLSA base domain; the
# certificate names the mail domain, still the next-hop domain of mx1.
mkdir -p certs/mx1.example.net
pki_chain_dated .pki example.net 20261101000000Z 20270301000000Z &&
	cp .pki/fullchain.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
