# The chain file lists the intermediate CA before the server's certificate.
mkdir -p certs/mx1.example.net
pki_chain .pki mx1.example.net 365 &&
	cat .pki/intermediate.pem .pki/leaf.pem >certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
