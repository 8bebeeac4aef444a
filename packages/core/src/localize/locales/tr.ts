import type { Strings } from '../strings.js';

/** Shared texts of every widget (namespace `core`), Turkish. Same keys as `de.ts`. */
const tr = {
  retry: 'Tekrar dene',
  close: 'Kapat',
  cancel: 'İptal',
  loading: 'Yükleniyor …',
  errors: {
    network: 'Sunucuyla bağlantı yok. Lütfen internet bağlantınızı kontrol edip tekrar deneyin.',
    timeout: 'Sunucu zamanında yanıt vermedi. Lütfen tekrar deneyin.',
    malformed_response: 'Sunucu beklenmeyen bir yanıt gönderdi. Lütfen daha sonra tekrar deneyin.',
    schema_mismatch: 'Sunucunun yanıtı bu sürümle uyumlu değil. Lütfen daha sonra tekrar deneyin.',
    rate_limited: 'Kısa sürede çok fazla istek gönderildi. Lütfen biraz bekleyip tekrar deneyin.',
    rate_limited_seconds_one: 'Kısa sürede çok fazla istek gönderildi. Lütfen {{count}} saniye sonra tekrar deneyin.',
    rate_limited_seconds_other: 'Kısa sürede çok fazla istek gönderildi. Lütfen {{count}} saniye sonra tekrar deneyin.',
    unavailable: 'Hizmete şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin.',
    internal: 'Sunucuda bir hata oluştu. Lütfen daha sonra tekrar deneyin.',
    not_found: 'Kayıt bulunamadı.',
    unauthorized: 'Oturumunuzun süresi doldu veya bilgiler eşleşmiyor. Lütfen yeniden giriş yapın.',
    forbidden: 'Bunun için yetkiniz yok.',
    conflict: 'Veriler bu arada değişti. Lütfen sayfayı yenileyip tekrar deneyin.',
    validation_failed: 'Lütfen bilgilerinizi kontrol edin.',
    not_configured: 'Bu hizmet bu sayfada doğru kurulmamış. Lütfen belediyeye başvurun.',
    unknown: 'Beklenmeyen bir hata oluştu. Lütfen daha sonra tekrar deneyin.',
  },
} satisfies Strings;

export default tr;
