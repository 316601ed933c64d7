# mx1 serves RSA and ECDSA; only the ECDSA chain fails, so senders offered
# the RSA certificate still deliver: not every MX host is unmatched.
mkdir -p certs/mx1.example.net
pki_key .pki rsa rsa2048 && pki_cert .pki rsa mx1.example.net - 365 &&
	cp .pki/rsa.pem certs/mx1.example.net/rsa.pem &&
	pki_key .pki ec p256 && pki_cert .pki ec mx1.example.net - 365 &&
	cp .pki/ec.pem certs/mx1.example.net/ecdsa.pem &&
	pki_key .pki nextrsa rsa2048 &&
	pki_pubkey .pki/nextrsa.key >certs/mx1.example.net/next-rsa.pem &&
	pki_key .pki nextec p256 &&
	pki_pubkey .pki/nextec.key >certs/mx1.example.net/next-ecdsa.pem
