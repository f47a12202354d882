export default definePageConfig({
  navigationBarTitleText: 'dl',
});
