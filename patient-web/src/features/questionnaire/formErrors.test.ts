import { collectFieldErrors } from './formErrors';

// Trimmed from what Refero 22 renders after a refused submit (class hashes as built)
const FORM = `
<form>
  <div class="page_refero__component page_refero__component_choice">
    <div class="_error-wrapper--with-error_nj1bg_2">
      <span tabindex="-1"><p class="_error-wrapper__errors_nj1bg_13" id="_r_4_">Du må svare på dette spørsmålet</p></span>
      <label id="item_mood-choice-label" for="item_mood-hn-0"><span> Hvordan er humøret?</span></label>
      <span class="_form-field-tag">Velg ett</span>
      <label for="item_mood-hn-0"><input id="item_mood-hn-0" type="radio" name="mood" value="good" /><span>Godt</span></label>
      <label for="item_mood-hn-1"><input id="item_mood-hn-1" type="radio" name="mood" value="bad" /><span>Dårlig</span></label>
    </div>
  </div>
  <div class="page_refero__component page_refero__component_string">
    <div><span tabindex="-1"></span>
      <label for="item_note">Merknad (valgfritt)</label><input id="item_note" type="text" />
    </div>
  </div>
  <div class="page_refero__component page_refero__component_integer">
    <div class="_error-wrapper--with-error_nj1bg_2">
      <span tabindex="-1"><p class="_error-wrapper__errors_nj1bg_13">Verdien er for høy</p></span>
      <label for="item_floors">Antall etasjer *</label><input id="item_floors" type="number" />
    </div>
  </div>
</form>`;

describe('the error summary reads the questions the form stopped', () => {
  it('names each question with a field error, its message and the field to move to, in form order', () => {
    document.body.innerHTML = FORM;
    expect(collectFieldErrors(document.body)).toEqual([
      {
        id: 'item_mood-hn-0',
        question: 'Hvordan er humøret?',
        message: 'Du må svare på dette spørsmålet',
      },
      { id: 'item_floors', question: 'Antall etasjer', message: 'Verdien er for høy' },
    ]);
  });

  it('finds nothing when no field has an error', () => {
    document.body.innerHTML =
      '<form><div class="page_refero__component"><label>Q</label></div></form>';
    expect(collectFieldErrors(document.body)).toEqual([]);
  });
});
