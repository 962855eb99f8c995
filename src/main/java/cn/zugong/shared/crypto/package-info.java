/**
 * Protection of personal data at rest: {@link cn.zugong.shared.crypto.FieldCipher} (SM4-GCM per field),
 * {@link cn.zugong.shared.crypto.BlindIndex} (HMAC-SM3 for exact-match search) and their keys
 * ({@link cn.zugong.shared.crypto.CryptoKeys}). One implementation for every module; see ADR 006.
 */
package cn.zugong.shared.crypto;
